package org.safecity.registry.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a record is taken out of service; kept with it and in the audit trail. */
public record Retirement(@NotBlank(message = "is required: say why it is retired") @Size(max = 500) String reason) {
}
