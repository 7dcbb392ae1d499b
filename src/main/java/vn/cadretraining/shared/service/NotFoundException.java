package vn.cadretraining.shared.service;

import jakarta.ejb.ApplicationException;

/**
 * The thing asked for does not exist, or the caller may not know that it exists. Both answer the same
 * way (404) so that a tampered id in a URL learns nothing.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(what);
    }
}
