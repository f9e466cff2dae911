-- DMA fills are loaded by COPY straight from the file: the fill table keeps the file's own columns (ts as
-- written) with one block-range index; the day's owner file, the per-instrument daily sums and per-sub-account
-- daily and monthly sums take over what the key, the attribution columns and the finer daily sums did.
-- Existing rows are carried over and the sums rebuilt from them.

-- CreateTable
CREATE TABLE "dma_trade_day" (
    "brand_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "file_id" UUID NOT NULL,
    "trades" INTEGER NOT NULL,

    CONSTRAINT "dma_trade_day_pkey" PRIMARY KEY ("brand_id","day")
);

-- CreateTable
CREATE TABLE "dma_sub_daily" (
    "brand_id" UUID NOT NULL,
    "sub_acct" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "maker_trades" INTEGER NOT NULL,
    "taker_trades" INTEGER NOT NULL,
    "maker_amount" DECIMAL(36,18) NOT NULL,
    "taker_amount" DECIMAL(36,18) NOT NULL,
    "maker_fee" DECIMAL(36,18) NOT NULL,
    "taker_fee" DECIMAL(36,18) NOT NULL,

    CONSTRAINT "dma_sub_daily_pkey" PRIMARY KEY ("brand_id","sub_acct","day")
);

-- CreateTable
CREATE TABLE "dma_sub_monthly" (
    "brand_id" UUID NOT NULL,
    "sub_acct" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "maker_trades" INTEGER NOT NULL,
    "taker_trades" INTEGER NOT NULL,
    "maker_amount" DECIMAL(36,18) NOT NULL,
    "taker_amount" DECIMAL(36,18) NOT NULL,
    "maker_fee" DECIMAL(36,18) NOT NULL,
    "taker_fee" DECIMAL(36,18) NOT NULL,

    CONSTRAINT "dma_sub_monthly_pkey" PRIMARY KEY ("brand_id","month","sub_acct")
);

-- CreateIndex
CREATE INDEX "dma_trade_day_file_id_idx" ON "dma_trade_day"("file_id");

-- AddForeignKey
ALTER TABLE "dma_trade_day" ADD CONSTRAINT "dma_trade_day_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "rebate_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Carry the fills over: ts as OKX wrote it, each day owned by the file that brought it.
ALTER TABLE "dma_trade" ADD COLUMN "ts" BIGINT;
UPDATE "dma_trade" SET "ts" = round(extract(epoch FROM "traded_at") * 1000)::bigint;
ALTER TABLE "dma_trade" ALTER COLUMN "ts" SET NOT NULL;
INSERT INTO "dma_trade_day" ("brand_id", "day", "file_id", "trades")
SELECT "brand_id", "day", (array_agg("file_id"))[1], count(*) FROM "dma_trade" GROUP BY "brand_id", "day";

-- The sums, rebuilt.
DROP INDEX "dma_trade_daily_brand_id_sub_acct_day_idx";
TRUNCATE "dma_trade_daily";
ALTER TABLE "dma_trade_daily" DROP CONSTRAINT "dma_trade_daily_pkey",
DROP COLUMN "sub_acct",
ADD CONSTRAINT "dma_trade_daily_pkey" PRIMARY KEY ("brand_id", "day", "inst_id", "exec_type");
INSERT INTO "dma_trade_daily" ("brand_id", "day", "inst_id", "inst_family", "exec_type", "trades", "amount", "fee")
SELECT "brand_id", "day", "inst_id", min("inst_family"), "exec_type", count(*), sum("amount"), sum("fee")
FROM "dma_trade" GROUP BY "brand_id", "day", "inst_id", "exec_type";
INSERT INTO "dma_sub_daily"
SELECT "brand_id", "sub_acct", "day",
       count(*) FILTER (WHERE "exec_type" = 'M'), count(*) FILTER (WHERE "exec_type" = 'T'),
       coalesce(sum("amount") FILTER (WHERE "exec_type" = 'M'), 0), coalesce(sum("amount") FILTER (WHERE "exec_type" = 'T'), 0),
       coalesce(sum("fee") FILTER (WHERE "exec_type" = 'M'), 0), coalesce(sum("fee") FILTER (WHERE "exec_type" = 'T'), 0)
FROM "dma_trade" GROUP BY "brand_id", "sub_acct", "day";
INSERT INTO "dma_sub_monthly"
SELECT "brand_id", "sub_acct", date_trunc('month', "day")::date,
       sum("maker_trades"), sum("taker_trades"), sum("maker_amount"), sum("taker_amount"), sum("maker_fee"), sum("taker_fee")
FROM "dma_sub_daily" GROUP BY 1, 2, 3;

-- DropIndex
DROP INDEX "dma_trade_brand_id_customer_id_day_idx";
DROP INDEX "dma_trade_brand_id_day_idx";
DROP INDEX IF EXISTS "dma_trade_unmatched_idx";

-- AlterTable
ALTER TABLE "dma_trade" DROP CONSTRAINT "dma_trade_pkey",
DROP COLUMN "customer_id",
DROP COLUMN "day",
DROP COLUMN "file_id",
DROP COLUMN "inst_family",
DROP COLUMN "subaccount_id",
DROP COLUMN "traded_at";

-- CreateIndex
CREATE INDEX "dma_trade_brand_id_ts_idx" ON "dma_trade" USING BRIN ("brand_id", "ts");
