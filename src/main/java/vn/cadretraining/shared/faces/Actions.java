package vn.cadretraining.shared.faces;

import org.primefaces.PrimeFaces;
import vn.cadretraining.shared.service.BusinessException;

/**
 * How a page answers a change it asked of a service. Done: a message from the bundle, the dialog closed and the
 * page read again. Refused (a {@link BusinessException}): the service's reason as the page's error, the dialog left
 * open with what was typed. Every step runs inside the attempt, so a refusal met while reading again is said too.
 */
public final class Actions {

    private Actions() {
    }

    /** Runs the steps; a refusal among them becomes the page's error message. True when none was refused. */
    public static boolean attempt(Runnable steps) {
        try {
            steps.run();
            return true;
        } catch (BusinessException e) {
            Messages.error(e);
            return false;
        }
    }

    /** Makes the change and says it with {@code doneKey} (the arguments are taken before the change). */
    public static boolean change(Runnable change, String doneKey, Object... args) {
        return attempt(() -> {
            change.run();
            Messages.info(doneKey, args);
        });
    }

    /** Makes the change, says it and reads the page again. */
    public static boolean change(Runnable change, Runnable reload, String doneKey, Object... args) {
        return attempt(() -> {
            change.run();
            Messages.info(doneKey, args);
            reload.run();
        });
    }

    /** Makes the change asked in a dialog, says it and closes the dialog (its widgetVar). */
    public static boolean inDialog(String dialog, Runnable change, String doneKey, Object... args) {
        return attempt(() -> {
            change.run();
            Messages.info(doneKey, args);
            hide(dialog);
        });
    }

    /** Makes the change asked in a dialog, says it, closes the dialog (its widgetVar) and reads the page again. */
    public static boolean inDialog(String dialog, Runnable change, Runnable reload, String doneKey, Object... args) {
        return attempt(() -> {
            change.run();
            Messages.info(doneKey, args);
            hide(dialog);
            reload.run();
        });
    }

    /** Closes a dialog by its widgetVar once the AJAX answer arrives. */
    public static void hide(String dialog) {
        PrimeFaces.current().executeScript("PF('" + dialog + "').hide()");
    }
}
