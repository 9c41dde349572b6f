package org.safecity.traffic.internal.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.TimeConfiguration;
import org.safecity.traffic.internal.TrafficViews;
import org.safecity.traffic.internal.challans.ChallanStore;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The bank's signed payment callback (public: the HMAC signature is its credential) and the daily reconciliation. */
@RestController
@Tag(name = "Payments", description = "Bank payment callback (HMAC-SHA256 in X-Signature) and daily reconciliation")
class PaymentController {

    private final ReceivingPayments receiving;
    private final ChallanStore challans;
    private final TrafficViews views;

    PaymentController(ReceivingPayments receiving, ChallanStore challans, TrafficViews views) {
        this.receiving = receiving;
        this.challans = challans;
        this.views = views;
    }

    @PostMapping(path = "/api/v1/payments/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("permitAll()")
    @Writes(Writes.Scope.PUBLIC)
    @Operation(summary = "A payment confirmed by the bank: {paymentReference, amountPkr, paidAt, bankTransactionId}, "
        + "X-Signature = hex HMAC-SHA256 of the raw body")
    @ApiResponse(responseCode = "401", description = "X-Signature is not the HMAC-SHA256 of the body with the bank's secret")
    @ApiResponse(responseCode = "200", description = "the payment is recorded; the identical callback repeated answers as the first did",
        useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "a replay (a known bankTransactionId with another body), a paidAt outside the window, "
        + "or a challan that is not payable; nothing was changed")
    ReceivingPayments.Receipt callback(@RequestBody byte[] body, @RequestHeader(name = "X-Signature", required = false) String signature) {
        return receiving.receive(body, signature);
    }

    @GetMapping("/api/v1/payments/reconciliation")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Operation(summary = "The payments of one day (Pakistan time; default today) for challans of your jurisdiction, with count and total, to match the bank's statement")
    Map<String, Object> reconciliation(@RequestParam(required = false) String day) {
        LocalDate date;
        try {
            date = day == null || day.isBlank() ? views.today() : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("day", "must be a date such as 2026-11-25");
        }
        var payments = challans.paymentsBetween(date.atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant(),
            date.plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant(), CurrentActor.jurisdiction());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("day", date.toString());
        answer.put("payments", payments.size());
        answer.put("totalPkr", payments.stream().mapToLong(ChallanStore.Payment::amountPkr).sum());
        answer.put("items", payments);
        return answer;
    }

    @ExceptionHandler(ReceivingPayments.Refused.class)
    ResponseEntity<ProblemDetail> refused(ReceivingPayments.Refused e) {
        var problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage() + "; nothing was changed.");
        problem.setTitle("Payment refused");
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
