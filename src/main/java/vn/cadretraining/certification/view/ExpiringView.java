package vn.cadretraining.certification.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.certification.service.CertificateService;

/** Certificates running out in the coming months, so that their holders can be sent to a renewal course. */
@Named
@ViewScoped
public class ExpiringView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CertificateService certificates;

    private int months = 6;
    private List<Certificate> list;

    public void search() {
        list = certificates.expiring(months, 1000);
    }

    public List<Certificate> getList() {
        if (list == null) {
            search();
        }
        return list;
    }

    public int getMonths() {
        return months;
    }

    public void setMonths(int months) {
        this.months = months;
    }
}
