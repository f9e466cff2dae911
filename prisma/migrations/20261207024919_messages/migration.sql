-- CreateEnum
CREATE TYPE "MessageType" AS ENUM ('system', 'account', 'marketing', 'risk');

-- CreateEnum
CREATE TYPE "MessageSource" AS ENUM ('portal', 'automatic', 'partner_api');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('awaiting_approval', 'scheduled', 'sending', 'sent', 'cancelled', 'retracted', 'rejected', 'failed');

-- CreateEnum
CREATE TYPE "AnnouncementStatus" AS ENUM ('draft', 'published', 'unpublished');

-- AlterTable
ALTER TABLE "brand" ADD COLUMN     "default_language" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "message_approval_threshold" INTEGER NOT NULL DEFAULT 10000,
ADD COLUMN     "message_type_labels" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "message_template" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "MessageType" NOT NULL,
    "event" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "content" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "message_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_segment" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "type" "MessageType" NOT NULL,
    "source" "MessageSource" NOT NULL,
    "template_id" UUID,
    "content" JSONB NOT NULL,
    "vars" JSONB,
    "audience" JSONB NOT NULL,
    "estimated_count" INTEGER NOT NULL,
    "recipient_count" INTEGER,
    "delivered_count" INTEGER NOT NULL DEFAULT 0,
    "status" "MessageStatus" NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "event" TEXT,
    "event_ref" TEXT,
    "customer_id" UUID,
    "failure" TEXT,
    "created_by_id" UUID,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "ended_by_id" UUID,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_recipient_chunk" (
    "message_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "customer_ids" UUID[],
    "locales" TEXT[],
    "done" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "message_recipient_chunk_pkey" PRIMARY KEY ("message_id","seq")
);

-- CreateTable
CREATE TABLE "message_delivery" (
    "message_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "type" "MessageType" NOT NULL,
    "locale" TEXT NOT NULL,
    "delivered_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "message_delivery_pkey" PRIMARY KEY ("message_id","customer_id")
);

-- CreateTable
CREATE TABLE "customer_inbox" (
    "customer_id" UUID NOT NULL,
    "read_all_at" TIMESTAMPTZ(3) NOT NULL,
    "pending" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "customer_inbox_pkey" PRIMARY KEY ("customer_id")
);

-- CreateTable
CREATE TABLE "announcement" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "popup" BOOLEAN NOT NULL DEFAULT false,
    "group_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "status" "AnnouncementStatus" NOT NULL DEFAULT 'draft',
    "published_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "announcement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "message_template_brand_id_name_key" ON "message_template"("brand_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "message_template_brand_id_event_key" ON "message_template"("brand_id", "event");

-- CreateIndex
CREATE UNIQUE INDEX "message_segment_brand_id_name_key" ON "message_segment"("brand_id", "name");

-- CreateIndex
CREATE INDEX "message_brand_id_source_created_at_id_idx" ON "message"("brand_id", "source", "created_at", "id");

-- CreateIndex
CREATE INDEX "message_status_scheduled_at_idx" ON "message"("status", "scheduled_at");

-- CreateIndex
CREATE INDEX "message_brand_id_status_idx" ON "message"("brand_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "message_brand_id_event_event_ref_key" ON "message"("brand_id", "event", "event_ref");

-- CreateIndex
CREATE INDEX "message_delivery_customer_id_delivered_at_message_id_idx" ON "message_delivery"("customer_id", "delivered_at" DESC, "message_id" DESC);

-- CreateIndex
CREATE INDEX "announcement_brand_id_status_starts_at_idx" ON "announcement"("brand_id", "status", "starts_at");

-- CreateIndex
CREATE INDEX "announcement_brand_id_created_at_id_idx" ON "announcement"("brand_id", "created_at", "id");

-- The inbox's "unread first": the unread part of a customer's inbox, newest first, without reading the rest.
CREATE INDEX "message_delivery_unread_idx" ON "message_delivery" ("customer_id", "delivered_at" DESC, "message_id" DESC) WHERE "read_at" IS NULL;
-- The dispatcher finds the inboxes whose "mark all read" is not yet written to their deliveries.
CREATE INDEX "customer_inbox_pending_idx" ON "customer_inbox" ("customer_id") WHERE "pending";

-- A CSV batch's customers are told after it applied; batches applied before messages existed are not.
ALTER TABLE "bonus_grant_batch" ADD COLUMN "notified_at" TIMESTAMPTZ(3);
UPDATE "bonus_grant_batch" SET "notified_at" = now() WHERE "status" = 'applied';
