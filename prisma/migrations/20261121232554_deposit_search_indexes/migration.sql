-- CreateIndex
CREATE INDEX "deposit_brand_id_sub_acct_idx" ON "deposit"("brand_id", "sub_acct");

-- CreateIndex
CREATE INDEX "deposit_brand_id_tx_id_idx" ON "deposit"("brand_id", "tx_id");
