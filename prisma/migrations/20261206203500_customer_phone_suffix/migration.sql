-- Search by the last digits of a phone number: a b-tree cannot serve a suffix, but the reversed number's
-- prefix it can. A trigger keeps the column in step with `phone` for every writer (app, imports, seeds).
ALTER TABLE "customer" ADD COLUMN "phone_reversed" TEXT;

CREATE FUNCTION customer_phone_reversed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.phone_reversed := reverse(NEW.phone);
  RETURN NEW;
END;
$$;

CREATE TRIGGER customer_phone_reversed
BEFORE INSERT OR UPDATE OF phone, phone_reversed ON "customer"
FOR EACH ROW EXECUTE FUNCTION customer_phone_reversed();

UPDATE "customer" SET "phone_reversed" = reverse("phone") WHERE "phone" IS NOT NULL;

-- CreateIndex
CREATE INDEX "customer_brand_id_phone_reversed_idx" ON "customer"("brand_id", "phone_reversed");
