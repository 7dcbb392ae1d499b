/**
 * What every feature uses: {@code BaseEntity}, {@code BusinessException} and {@code NotFoundException}, the
 * database (definition, migrations, clean Derby shutdown, readiness), Vietnamese text folding for search,
 * the province's clock, paging, periodic housekeeping run once per cluster, and the web plumbing (security
 * headers, language, friendly errors).
 */
package vn.cadretraining.shared;
