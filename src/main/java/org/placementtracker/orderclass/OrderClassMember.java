package org.placementtracker.orderclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.placementtracker.student.Student;

/** A student's membership of an order class. */
@Entity
@Audited
public class OrderClassMember extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {

        public UUID orderClassId;

        public UUID studentId;

        protected Key() {}

        public Key(UUID orderClassId, UUID studentId) {
            this.orderClassId = orderClassId;
            this.studentId = studentId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(orderClassId, key.orderClassId)
                    && Objects.equals(studentId, key.studentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderClassId, studentId);
        }

        /** As the change feed and the audit history name a member. */
        @Override
        public String toString() {
            return orderClassId + "/" + studentId;
        }
    }

    @EmbeddedId
    public Key id;

    /** Mirrors the class's status so the database can allow one open class per student. */
    public boolean classOpen;

    public Instant joinedAt;

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "studentId", insertable = false, updatable = false)
    public Student student;
}
