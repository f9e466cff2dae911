-- CreateIndex
CREATE INDEX "customer_brand_id_status_kyc_level_group_id_country_idx" ON "customer"("brand_id", "status", "kyc_level", "group_id", "country");

-- Finer statistics for name and email: with the default 100, PostgreSQL misjudged how many rows a common
-- name fragment matches (185 estimated, 11,300 real) and chose a bitmap scan and sort over the index walk.
ALTER TABLE "customer" ALTER COLUMN "name" SET STATISTICS 1000, ALTER COLUMN "email" SET STATISTICS 1000;
