/**
 * Commendations of cadres (khen thưởng, biểu dương): a decision's number and date, the body that issued it (the
 * cadre's commune or the province), its form and reason. A coordinator records them for the cadres of their
 * commune, the province for anyone; they show on the cadre's page and on the cadre's own record. Counting them
 * by unit and year and proposing candidates belong elsewhere.
 */
package vn.cadretraining.commendation;
