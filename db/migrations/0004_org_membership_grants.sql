-- Creating an organization runs in withTenant for the new id (the tenant policy's WITH CHECK admits it), and
-- deleting one runs in its own tenant context.
GRANT INSERT, DELETE ON "organizations" TO app_user;
