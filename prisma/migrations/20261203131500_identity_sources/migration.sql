-- Customer 360 (seed 000): the three source systems, L0, each in its own schema with its own columns and formats.
-- DI (sales) and OM (the shop) mirror the sales desk and the shop through triggers, as their own systems would hold
-- them: DI customers and consultation contacts as salesmen typed them, OM users as they signed up. CX (the support
-- desk) is edited by staff on its page. Debezium streams all of them (publication and slot made by the connector).


CREATE SCHEMA IF NOT EXISTS di;
CREATE SCHEMA IF NOT EXISTS om;
CREATE SCHEMA IF NOT EXISTS cx;

CREATE TABLE di.customer (
  customer_id   text PRIMARY KEY,
  customer_name text NOT NULL,
  mobile        text,
  email         text,
  company       text,
  region        text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE di.consultation_contact (
  contact_id    text PRIMARY KEY,
  customer_name text NOT NULL,
  mobile        text,
  email         text,
  company       text,
  region        text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE om.users (
  user_id    text PRIMARY KEY,
  user_name  text NOT NULL,
  phone_no   text,
  email_addr text,
  birth_ymd  text,
  gender     text,
  addr       text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE cx.contact_seq;
CREATE TABLE cx.contact (
  contact_id text PRIMARY KEY DEFAULT lpad(nextval('cx.contact_seq')::text, 8, '0'),
  full_name  text NOT NULL,
  phones     text[] NOT NULL DEFAULT '{}',
  email      text,
  address    text,
  rrn_front  text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- DI mirrors the sales desk: its customers and the contact given with each consultation
CREATE FUNCTION di.mirror_customer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM di.customer WHERE customer_id = OLD.id::text;
    RETURN OLD;
  END IF;
  INSERT INTO di.customer (customer_id, customer_name, mobile, company, region, created_at, updated_at)
  VALUES (NEW.id::text, NEW.name, NEW.phone, NEW.company, NEW.region, NEW."createdAt", now())
  ON CONFLICT (customer_id) DO UPDATE SET customer_name = EXCLUDED.customer_name, mobile = EXCLUDED.mobile,
    company = EXCLUDED.company, region = EXCLUDED.region, updated_at = now();
  RETURN NEW;
END $$;

CREATE TRIGGER identity_di_customer AFTER INSERT OR UPDATE OR DELETE ON public."Customer"
  FOR EACH ROW EXECUTE FUNCTION di.mirror_customer();

CREATE FUNCTION di.mirror_consultation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM di.consultation_contact WHERE contact_id = OLD.id::text;
    RETURN OLD;
  END IF;
  INSERT INTO di.consultation_contact (contact_id, customer_name, mobile, company, region, created_at, updated_at)
  VALUES (NEW.id::text, NEW."contactName", NEW.phone, NEW.company, NEW.region, NEW."createdAt", now())
  ON CONFLICT (contact_id) DO UPDATE SET customer_name = EXCLUDED.customer_name, mobile = EXCLUDED.mobile,
    company = EXCLUDED.company, region = EXCLUDED.region, updated_at = now();
  RETURN NEW;
END $$;

CREATE TRIGGER identity_di_consultation AFTER INSERT OR UPDATE OF "contactName", phone, company, region OR DELETE ON public."Consultation"
  FOR EACH ROW EXECUTE FUNCTION di.mirror_consultation();

-- OM mirrors the shop users (their grade, logins and orders change often and are not identity: not mirrored)
CREATE FUNCTION om.mirror_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM om.users WHERE user_id = OLD.id;
    RETURN OLD;
  END IF;
  INSERT INTO om.users (user_id, user_name, phone_no, email_addr, gender, addr, created_at, updated_at)
  VALUES (NEW.id, NEW.name, NEW.phone, NEW.email, NEW.gender::text, concat_ws(' ', NEW.province, NEW.district, NEW.street), NEW."createdAt", now())
  ON CONFLICT (user_id) DO UPDATE SET user_name = EXCLUDED.user_name, phone_no = EXCLUDED.phone_no, email_addr = EXCLUDED.email_addr,
    gender = EXCLUDED.gender, addr = EXCLUDED.addr, updated_at = now();
  RETURN NEW;
END $$;

CREATE TRIGGER identity_om_user AFTER INSERT OR UPDATE OF name, phone, email, gender, province, district, street OR DELETE ON public."ShopUser"
  FOR EACH ROW EXECUTE FUNCTION om.mirror_user();

-- what the sales desk and the shop hold already
INSERT INTO di.customer (customer_id, customer_name, mobile, company, region, created_at)
  SELECT id::text, name, phone, company, region, "createdAt" FROM public."Customer" ON CONFLICT DO NOTHING;
INSERT INTO di.consultation_contact (contact_id, customer_name, mobile, company, region, created_at)
  SELECT id::text, "contactName", phone, company, region, "createdAt" FROM public."Consultation" ON CONFLICT DO NOTHING;
INSERT INTO om.users (user_id, user_name, phone_no, email_addr, gender, addr, created_at)
  SELECT id, name, phone, email, gender::text, concat_ws(' ', province, district, street), "createdAt" FROM public."ShopUser" ON CONFLICT DO NOTHING;
