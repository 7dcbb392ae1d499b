/**
 * The inbox: notifications to a person (a session moved or cancelled, a request decided, a place offered from
 * the waitlist…), written by the feature that knows the event in its own transaction, shown with an unread badge
 * in the shell, and sent by e-mail too when SMTP is set up ({@code Mailer}, after the commit, so a failed send
 * never undoes the change). Each person reads only their own notifications.
 */
package vn.cadretraining.inbox;
