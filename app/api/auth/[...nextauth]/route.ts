// GET, POST /api/auth/* - Auth.js: magic links and OAuth; sign-in POSTs are rate-limited per IP.
export { authRouteGet as GET, authRoutePost as POST } from "@/lib/auth/auth-route";
