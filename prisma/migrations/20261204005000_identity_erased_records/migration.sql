-- CreateTable
CREATE TABLE "IdentityErasedRecord" (
    "recordKey" TEXT NOT NULL,
    "erasureId" UUID NOT NULL,

    CONSTRAINT "IdentityErasedRecord_pkey" PRIMARY KEY ("recordKey")
);

-- The keys of earlier erasures
INSERT INTO "IdentityErasedRecord" ("recordKey", "erasureId")
SELECT DISTINCT ON (k) k, id FROM "IdentityErasure", unnest("recordKeys") AS k ORDER BY k, at
ON CONFLICT DO NOTHING;

-- The DI and OM mirrors copy nothing of an erased record back: a later change of that customer in the sales desk
-- or the shop (the systems of record, whose own retention rules apply) no longer brings the person back.
CREATE OR REPLACE FUNCTION di.mirror_customer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM di.customer WHERE customer_id = OLD.id::text;
    RETURN OLD;
  END IF;
  IF EXISTS (SELECT FROM public."IdentityErasedRecord" WHERE "recordKey" = 'DI:C' || NEW.id::text) THEN
    RETURN NEW;
  END IF;
  INSERT INTO di.customer (customer_id, customer_name, mobile, company, region, created_at, updated_at)
  VALUES (NEW.id::text, NEW.name, NEW.phone, NEW.company, NEW.region, NEW."createdAt", now())
  ON CONFLICT (customer_id) DO UPDATE SET customer_name = EXCLUDED.customer_name, mobile = EXCLUDED.mobile,
    company = EXCLUDED.company, region = EXCLUDED.region, updated_at = now();
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION di.mirror_consultation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM di.consultation_contact WHERE contact_id = OLD.id::text;
    RETURN OLD;
  END IF;
  IF EXISTS (SELECT FROM public."IdentityErasedRecord" WHERE "recordKey" = 'DI:K' || NEW.id::text) THEN
    RETURN NEW;
  END IF;
  INSERT INTO di.consultation_contact (contact_id, customer_name, mobile, company, region, created_at, updated_at)
  VALUES (NEW.id::text, NEW."contactName", NEW.phone, NEW.company, NEW.region, NEW."createdAt", now())
  ON CONFLICT (contact_id) DO UPDATE SET customer_name = EXCLUDED.customer_name, mobile = EXCLUDED.mobile,
    company = EXCLUDED.company, region = EXCLUDED.region, updated_at = now();
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION om.mirror_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM om.users WHERE user_id = OLD.id;
    RETURN OLD;
  END IF;
  IF EXISTS (SELECT FROM public."IdentityErasedRecord" WHERE "recordKey" = 'OM:' || NEW.id) THEN
    RETURN NEW;
  END IF;
  INSERT INTO om.users (user_id, user_name, phone_no, email_addr, gender, addr, created_at, updated_at)
  VALUES (NEW.id, NEW.name, NEW.phone, NEW.email, NEW.gender::text, concat_ws(' ', NEW.province, NEW.district, NEW.street), NEW."createdAt", now())
  ON CONFLICT (user_id) DO UPDATE SET user_name = EXCLUDED.user_name, phone_no = EXCLUDED.phone_no, email_addr = EXCLUDED.email_addr,
    gender = EXCLUDED.gender, addr = EXCLUDED.addr, updated_at = now();
  RETURN NEW;
END $$;
