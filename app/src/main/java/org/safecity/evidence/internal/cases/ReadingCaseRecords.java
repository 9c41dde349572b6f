package org.safecity.evidence.internal.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.safecity.evidence.CaseRecords;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.evidence.internal.ItemStore;
import org.safecity.evidence.internal.items.ItemCustody;
import org.safecity.shared.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link CaseRecords} over the same use cases the HTTP API calls, so the console cannot see more than the API shows. */
@Component
class ReadingCaseRecords implements CaseRecords {

    private final CaseFiles caseFiles;
    private final ItemStore items;
    private final ItemCustody custody;

    ReadingCaseRecords(CaseFiles caseFiles, ItemStore items, ItemCustody custody) {
        this.caseFiles = caseFiles;
        this.items = items;
        this.custody = custody;
    }

    @Override
    public List<CaseListing> visibleCases(int page) {
        return caseFiles.visible(PageRequest.of(page, 100)).stream().map(ReadingCaseRecords::listing).toList();
    }

    @Override
    @Transactional
    public CaseDetail caseFile(UUID caseId) {
        var file = caseFiles.view(caseId);
        List<String> team = new ArrayList<>();
        team.add(file.investigatingOfficer() + " (investigating officer)");
        file.members().forEach(m -> team.add(m.name()));
        return new CaseDetail(listing(file), team, items.ofCase(caseId).stream().map(ReadingCaseRecords::listing).toList());
    }

    @Override
    @Transactional
    public ItemHistory itemHistory(UUID itemId) {
        var item = custody.view(itemId);
        var entries = custody.history(itemId).stream()
            .map(e -> new CustodyRecord(e.seq(), e.at(), e.action(), e.actor(), e.recipient(), e.reason(), e.hashHex()))
            .toList();
        return new ItemHistory(listing(item), item.caseId(), entries);
    }

    private static CaseListing listing(CaseFile file) {
        return new CaseListing(file.id(), file.firNumber(), file.policeStation(), file.offence(), file.status().name(),
            file.investigatingOfficer(), file.openedAt());
    }

    private static ItemListing listing(EvidenceItem item) {
        return new ItemListing(item.id(), item.kind().name(), item.mediaType(), item.size(), item.sha256(), item.originalName(),
            item.description(), item.collectedBy(), item.collectedAt(), item.place(), item.receivedAt(), item.receivedBy(),
            item.legalHold(), item.holdReason(), item.disposedAt());
    }
}
