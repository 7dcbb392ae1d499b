/**
 * Administrative units over time: province, district (until 1 July 2025), commune-level units and hamlets,
 * each valid over a span of dates, with the successor that absorbed it when it was merged.
 * <p>
 * Security sits above org: an account's scope is a unit, so {@code security} reads this package. Org uses only
 * security's face that every feature uses (the role names for {@code @RolesAllowed}, {@code CurrentUser} and
 * {@code Caller} for the caller's scope), never its accounts or pages.
 */
package vn.cadretraining.org;
