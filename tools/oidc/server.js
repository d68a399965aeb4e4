// A real OpenID Connect provider for the browser tests (panva/oidc-provider, OpenID
// certified), with its development log-in page. Two people can sign in (any password):
//   "verified"   — OIDC_VERIFIED_EMAIL, email_verified: true
//   "unverified" — OIDC_UNVERIFIED_EMAIL, email_verified: false
// Configured by the environment: OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
// OIDC_REDIRECT_URI. Prints "ready <issuer>" once it listens. Never for production.
import Provider from "oidc-provider";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const port = Number(env("OIDC_PORT"));
const issuer = `http://127.0.0.1:${port}`;
const accounts = {
  verified: { email: env("OIDC_VERIFIED_EMAIL"), email_verified: true, name: "Verified Person" },
  unverified: {
    email: env("OIDC_UNVERIFIED_EMAIL"),
    email_verified: false,
    name: "Unverified Person",
  },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: env("OIDC_CLIENT_ID"),
      client_secret: env("OIDC_CLIENT_SECRET"),
      redirect_uris: [env("OIDC_REDIRECT_URI")],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  // Consent is granted as asked (a first-party client): the test goes log-in → back.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope("openid email profile");
    grant.addOIDCClaims(["email", "email_verified", "name"]);
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true } },
  // Plain http on 127.0.0.1: SameSite=None cookies would need https.
  cookies: {
    keys: ["rebound-tests-only"],
    long: { sameSite: "lax" },
    short: { sameSite: "lax" },
  },
});
provider.on("server_error", (ctx, error) => console.error("server_error", error));

provider.listen(port, "127.0.0.1", () => {
  console.log(`ready ${issuer}`);
});
