/**
 * Attendance: who was there at each session of a class. It owns the marks ({@code AttendanceMark}, one per
 * cadre and session, with who marked it and how: the trainer's grid or a QR check-in), the rotating check-in
 * codes ({@code CheckInCodes}, an HMAC per session and 45-second slot, each accepted once per cadre), the
 * trainer's pages (today's sessions, the grid) and the paper sign-in sheet.
 *
 * <p>A grid save is one transaction that never overwrites another person's newer mark silently; it keeps each
 * enrollment's attendance share current, which certification reads when the class is closed. Trainers mark only
 * the classes they run; coordinators and reviewers read within their scope.
 */
package vn.cadretraining.attendance;
