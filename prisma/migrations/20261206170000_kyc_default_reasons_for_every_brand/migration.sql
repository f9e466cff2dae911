-- Reading a brand's KYC rejection reasons no longer creates the defaults (queries never write): a brand
-- gets them when it is created. Brands that never had the list opened get them now, as
-- server/kyc/settings.ts DEFAULT_KYC_REASONS defines them at this migration.
INSERT INTO "kyc_rejection_reason" ("id", "brand_id", "code", "label", "label_zh", "allow_resubmit", "sort_order", "updated_at")
SELECT gen_random_uuid(), b."id", d.code, d.label, d.label_zh, d.allow_resubmit, d.sort_order, CURRENT_TIMESTAMP
FROM "brand" b
CROSS JOIN (VALUES
  ('document_unreadable', 'Document unreadable or incomplete', '证件无法辨认或不完整', true, 10),
  ('document_expired', 'Document expired', '证件已过期', true, 20),
  ('name_mismatch', 'Name does not match the document', '姓名与证件不符', true, 30),
  ('selfie_mismatch', 'Selfie does not match the document photo', '自拍与证件照片不符', true, 40),
  ('address_unverified', 'Address could not be verified', '地址无法核实', true, 50),
  ('unsupported_country', 'Country not supported', '不支持该国家或地区', false, 60),
  ('sanctions_match', 'Sanctions list match', '命中制裁名单', false, 70),
  ('suspected_fraud', 'Suspected fraud', '疑似欺诈', false, 80)
) AS d(code, label, label_zh, allow_resubmit, sort_order)
WHERE NOT EXISTS (SELECT 1 FROM "kyc_rejection_reason" r WHERE r."brand_id" = b."id");
