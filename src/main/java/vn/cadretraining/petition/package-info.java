/**
 * Petitions and opinions (ý kiến, kiến nghị, phản ánh) raised by hamlet cadres, at a briefing or in writing, tracked
 * to resolution: who raised it and from which hamlet, the field, the body that answers, and a lifecycle with its
 * dates (received, assigned, being handled, answered, confirmed satisfactory or reopened, transferred up to the
 * province) and a due date per field. A commune's coordinator records and moves its petitions; the province sees
 * all and handles those transferred up; a cadre sees those they raised. Figures, the quarterly report and e-mail
 * belong elsewhere.
 */
package vn.cadretraining.petition;
