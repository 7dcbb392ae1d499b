package vn.cadretraining.shared.service;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;

/**
 * A rule of the domain refused what the user asked. Carries a bundle key and its arguments, never
 * display text: the page bean turns it into a Faces message in the user's language. Rolls the
 * transaction back so that nothing is half-applied.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final Object[] arguments;

    public BusinessException(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments.clone();
    }
}
