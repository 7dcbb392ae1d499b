package vn.cadretraining.people.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import vn.cadretraining.shared.entity.Lengths;

/** One search word of a cadre (see {@link Cadre#searchTokens()}); written and rewritten with the cadre. */
@Entity
@IdClass(CadreSearchToken.Key.class)
@Table(name = "cadre_search_token")
public class CadreSearchToken implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "token", length = Lengths.TOKEN)
    private String token;

    @Id
    @Column(name = "cadre_id")
    private Long cadreId;

    protected CadreSearchToken() {
    }

    public CadreSearchToken(String token, Long cadreId) {
        this.token = token;
        this.cadreId = cadreId;
    }

    public String getToken() {
        return token;
    }

    public Long getCadreId() {
        return cadreId;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String token;
        private Long cadreId;

        public Key() {
        }

        public Key(String token, Long cadreId) {
            this.token = token;
            this.cadreId = cadreId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(token, k.token) && Objects.equals(cadreId, k.cadreId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(token, cadreId);
        }
    }
}
