package vn.cadretraining.shared.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An address whose parameters the page cannot read ({@code ?id=abc}, {@code ?year=x}) was not made by the
 * application: it is answered "not found", as a tampered id is. Without this the view parameter's conversion
 * error left the page half set up: an empty "new" form on one page, a 500 on another.
 */
public class AddressGuard implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AddressGuard.class.getName());

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.PROCESS_VALIDATIONS;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing: the view parameters are converted during the phase
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (context.isPostback() || !context.isValidationFailed() || context.getResponseComplete()) {
            return;
        }
        HttpServletResponse response = (HttpServletResponse) context.getExternalContext().getResponse();
        try {
            if (!response.isCommitted()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not answer an unreadable address", e);
        }
        context.responseComplete();
    }
}
