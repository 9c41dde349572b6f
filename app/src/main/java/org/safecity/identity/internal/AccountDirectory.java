package org.safecity.identity.internal;

import java.util.Optional;
import org.safecity.identity.Actor;
import org.safecity.identity.People;
import org.springframework.stereotype.Component;

/** {@link People} from the accounts table; disabled accounts are nobody. */
@Component
class AccountDirectory implements People {

    private final AccountStore accounts;

    AccountDirectory(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Actor.Person> byUsername(String username) {
        return accounts.findByUsername(username).filter(Account::enabled).map(Account::asActor);
    }

    @Override
    public Optional<Actor.Person> byId(long accountId) {
        return accounts.findById(accountId).filter(Account::enabled).map(Account::asActor);
    }
}
