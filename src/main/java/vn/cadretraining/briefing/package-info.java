/**
 * Briefing conferences (hội nghị giao ban) between a Party committee and its hamlets' Party cell secretaries, hamlet
 * heads and Front work committee heads. A briefing is a class of a briefing course (catalog): its sessions carry the
 * information given, its enrollments are the invitations (generated from the roster by the course's titles), its
 * attendance marks say who came. This feature adds the briefing's own facts (chair, secretary, theme), the invited
 * share that attended, and the minutes (biên bản) as an official PDF listing the petitions raised there and the
 * answers due to be read out.
 */
package vn.cadretraining.briefing;
