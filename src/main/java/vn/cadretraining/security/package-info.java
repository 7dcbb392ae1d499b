/**
 * Accounts, roles and sign-in: the account entity, Argon2id hashing, the sign-in throttle, the identity store
 * and the HTTP authentication mechanism, the caller of each request ({@code CurrentUser}) with their scope,
 * and the pages for signing in, changing one's password and administering accounts. A coordinator's scope is
 * an administrative unit's subtree, so this feature reads {@code org}'s units.
 * <p>
 * Security sits above org. What org may use from here is what every feature uses: {@code Role} (with
 * {@code Role.Names}), {@code CurrentUser} and {@code Caller}; accounts, their services and pages stay out of org.
 */
package vn.cadretraining.security;
