package org.placementtracker.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a placement records of its agreement, insurance, pay and work pattern; null where not recorded. */
public record Terms(
        String agreementRef,
        LocalDate agreementSignedOn,
        LocalDate guardianConsentOn,
        String insurancePolicyNo,
        LocalDate insuranceFrom,
        LocalDate insuranceTo,
        Payer insurancePaidBy,
        BigDecimal monthlyPay,
        BigDecimal postWage,
        PayPeriod payPeriod,
        BigDecimal dailyHours,
        boolean nightWork,
        boolean overtime,
        boolean restDayWork,
        String workExceptionFiling) {}
