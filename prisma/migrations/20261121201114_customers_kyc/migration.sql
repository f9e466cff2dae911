-- Trigram indexes for the customer search (name / email contains). pg_trgm is a trusted extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "CustomerStatus" AS ENUM ('active', 'frozen', 'closed');

-- CreateEnum
CREATE TYPE "RegistrationSource" AS ENUM ('web', 'app', 'api', 'backoffice');

-- CreateEnum
CREATE TYPE "KycScenario" AS ENUM ('open_trading_account', 'withdrawal', 'corporate_account', 'high_value');

-- CreateEnum
CREATE TYPE "KycStatus" AS ENUM ('submitted', 'in_review', 'more_info_requested', 'pending_second_approval', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "KycDocumentKind" AS ENUM ('id_front', 'id_back', 'selfie', 'proof_of_address', 'company_registration', 'company_ownership', 'other');

-- AlterTable
ALTER TABLE "brand" ADD COLUMN     "kyc_corporate_countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "kyc_sla_hours" INTEGER NOT NULL DEFAULT 24;

-- CreateTable
CREATE TABLE "customer_group" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customer_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "uid" BIGSERIAL NOT NULL,
    "email" TEXT,
    "phone_country_code" TEXT,
    "phone" TEXT,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "status" "CustomerStatus" NOT NULL DEFAULT 'active',
    "status_reason" TEXT,
    "status_changed_at" TIMESTAMPTZ(3),
    "kyc_level" SMALLINT NOT NULL DEFAULT 0,
    "group_id" UUID,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "registered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "registration_source" "RegistrationSource" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_note" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "author_id" UUID,
    "author_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kyc_application" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "level" SMALLINT NOT NULL,
    "scenario" "KycScenario" NOT NULL,
    "status" "KycStatus" NOT NULL DEFAULT 'submitted',
    "country" TEXT NOT NULL,
    "applicant" JSONB NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignee_id" UUID,
    "assigned_at" TIMESTAMPTZ(3),
    "first_approver_id" UUID,
    "first_approved_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "rejection_reason_code" TEXT,
    "can_resubmit" BOOLEAN,
    "decision_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kyc_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kyc_document" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" "KycDocumentKind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kyc_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kyc_event" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" "KycStatus",
    "to_status" "KycStatus",
    "actor_id" UUID,
    "actor_label" TEXT NOT NULL,
    "reason_code" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kyc_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kyc_rejection_reason" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "label_zh" TEXT,
    "allow_resubmit" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kyc_rejection_reason_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "customer_group_brand_id_name_key" ON "customer_group"("brand_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "customer_uid_key" ON "customer"("uid");

-- CreateIndex
CREATE INDEX "customer_brand_id_registered_at_id_idx" ON "customer"("brand_id", "registered_at", "id");

-- CreateIndex
CREATE INDEX "customer_brand_id_name_id_idx" ON "customer"("brand_id", "name", "id");

-- CreateIndex
CREATE INDEX "customer_brand_id_status_registered_at_id_idx" ON "customer"("brand_id", "status", "registered_at", "id");

-- CreateIndex
CREATE INDEX "customer_brand_id_kyc_level_registered_at_id_idx" ON "customer"("brand_id", "kyc_level", "registered_at", "id");

-- CreateIndex
CREATE INDEX "customer_brand_id_group_id_registered_at_id_idx" ON "customer"("brand_id", "group_id", "registered_at", "id");

-- CreateIndex
CREATE INDEX "customer_brand_id_country_registered_at_id_idx" ON "customer"("brand_id", "country", "registered_at", "id");

-- CreateIndex
CREATE INDEX "customer_tags_idx" ON "customer" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "customer_name_trgm_idx" ON "customer" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "customer_email_trgm_idx" ON "customer" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "customer_brand_id_email_key" ON "customer"("brand_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "customer_brand_id_phone_country_code_phone_key" ON "customer"("brand_id", "phone_country_code", "phone");

-- CreateIndex
CREATE INDEX "customer_note_customer_id_created_at_idx" ON "customer_note"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "kyc_application_brand_id_status_submitted_at_idx" ON "kyc_application"("brand_id", "status", "submitted_at");

-- CreateIndex
CREATE INDEX "kyc_application_brand_id_assignee_id_status_idx" ON "kyc_application"("brand_id", "assignee_id", "status");

-- CreateIndex
CREATE INDEX "kyc_application_customer_id_created_at_idx" ON "kyc_application"("customer_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "kyc_document_storage_key_key" ON "kyc_document"("storage_key");

-- CreateIndex
CREATE INDEX "kyc_document_application_id_idx" ON "kyc_document"("application_id");

-- CreateIndex
CREATE INDEX "kyc_event_application_id_created_at_idx" ON "kyc_event"("application_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "kyc_rejection_reason_brand_id_code_key" ON "kyc_rejection_reason"("brand_id", "code");

-- AddForeignKey
ALTER TABLE "customer" ADD CONSTRAINT "customer_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "customer_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_note" ADD CONSTRAINT "customer_note_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kyc_application" ADD CONSTRAINT "kyc_application_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kyc_document" ADD CONSTRAINT "kyc_document_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "kyc_application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kyc_event" ADD CONSTRAINT "kyc_event_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "kyc_application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Customer numbers people quote: eight digits from the start.
ALTER SEQUENCE "customer_uid_seq" RESTART WITH 10000001;
