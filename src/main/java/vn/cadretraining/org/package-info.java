/**
 * Administrative units over time: province, district (until 1 July 2025), commune-level units and hamlets,
 * each valid over a span of dates, with the successor that absorbed it when it was merged.
 */
package vn.cadretraining.org;
