-- Custom SQL migration file, put your code below! --
-- Rows written before the authenticated flag existed: a 401 was refused at authentication.
UPDATE "scim_requests" SET "authenticated" = false WHERE "status" = 401;
