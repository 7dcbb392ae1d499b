package vn.cadretraining.certification.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.cadretraining.certification.service.CertificateService;
import vn.cadretraining.certification.web.VerifyServlet;

/** The public verification page: the record as issued, and whether it stands today; else "not found". */
@Named
@RequestScoped
public class VerifyView {

    @Inject
    CertificateService certificates;

    @Inject
    HttpServletRequest request;

    @Inject
    ExternalContext external;

    private CertificateService.Verification result;

    @PostConstruct
    void init() {
        Object code = request.getAttribute(VerifyServlet.CODE);
        result = code instanceof String s ? certificates.verify(s.toLowerCase()).orElse(null) : null;
        if (result == null) {
            ((HttpServletResponse) external.getResponse()).setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    public CertificateService.Verification getResult() {
        return result;
    }
}
