/**
 * Study tours (tham quan học tập kinh nghiệm): a class of a study-tour course, with the place visited and its cost.
 * Its dates and participants are the class's (nominated by title or by commendation); it is shown on each
 * participant's record as a study tour and gives no certificate.
 */
package vn.cadretraining.tour;
