-- 0008: the companies grid's text search is a contains-match (LIKE '%…%') on normalized_name, website and, for a
-- phone-looking query, phone. A B-tree cannot serve a leading wildcard, so at 100,000 companies every search was a
-- full scan. GIN trigram indexes let PostgreSQL find the candidate rows for any fragment of 3+ characters; the
-- LIKE is rechecked on those rows, so results are unchanged. These indexes are beyond the V2 schema (see the
-- schema tests' list of them). pg_trgm is a trusted extension: the database owner can create it without superuser.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX companies_normalized_name_trgm_idx ON companies USING gin (normalized_name gin_trgm_ops);
CREATE INDEX companies_website_trgm_idx ON companies USING gin (website gin_trgm_ops);
CREATE INDEX companies_phone_trgm_idx ON companies USING gin (phone gin_trgm_ops);
