
-- AlterTable
ALTER TABLE "emergency_stop" ADD COLUMN     "cancel_progress" JSONB;

