// MARK: - EvidenceStrength

/// How strong the evidence is that a hazard area holds explosive ordnance, as a survey records it
/// (an optional hazard attribute `evidence`). Weak evidence (hearsay, an old report nobody
/// confirmed) is what non-technical survey most often cancels (IMAS 08.10); the clearance model
/// reads survey shares per strength when the scenario gives them.
public enum EvidenceStrength: String, Sendable, Hashable, Codable, CaseIterable {
    case strong, moderate, weak
}
