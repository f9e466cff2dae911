-- CreateEnum
CREATE TYPE "OkxMode" AS ENUM ('live', 'demo');

-- AlterTable
ALTER TABLE "brand" ADD COLUMN     "okx_api_key" TEXT,
ADD COLUMN     "okx_credentials_updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "okx_last_test_at" TIMESTAMPTZ(3),
ADD COLUMN     "okx_last_test_message" TEXT,
ADD COLUMN     "okx_last_test_ok" BOOLEAN,
ADD COLUMN     "okx_mode" "OkxMode" NOT NULL DEFAULT 'demo',
ADD COLUMN     "okx_passphrase_enc" TEXT,
ADD COLUMN     "okx_secret_enc" TEXT;
