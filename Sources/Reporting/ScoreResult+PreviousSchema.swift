// MARK: - Reading score results of clearcast-result/1

extension ScoreResult.RankedHazard {
    /// `clearcast-result/1` names: the factors were `shares`, each share under `weight`.
    private enum PreviousKeys: String, CodingKey { case shares }

    private struct PreviousShare: Decodable {
        var factor: String
        var weight: Double
    }

    /// Decodes a ranked hazard of the current schema, or of `clearcast-result/1` when the decoder's
    /// `userInfo` says the file is one (``ResultSchema/userInfoKey``): its `shares[].weight` become
    /// ``ScoreResult/HazardFactor/share``, without mean values or alone-ranks (that version had none).
    /// Why map rather than refuse: a planner's archived results stay readable by `report`, and the
    /// share is the same number under another name.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rank = try c.decode(Int.self, forKey: .rank)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        type = try c.decode(String.self, forKey: .type)
        status = try c.decode(String.self, forKey: .status)
        region = try c.decodeIfPresent(String.self, forKey: .region)
        areaSquareMetres = try c.decode(Double.self, forKey: .areaSquareMetres)
        cells = try c.decode(Int.self, forKey: .cells)
        meanScore = try c.decode(Double.self, forKey: .meanScore)
        maxScore = try c.decode(Double.self, forKey: .maxScore)
        benefitPerSquareMetre = try c.decode(Double.self, forKey: .benefitPerSquareMetre)
        if decoder.userInfo[ResultSchema.userInfoKey] as? String == ResultSchema.previous {
            let previous = try decoder.container(keyedBy: PreviousKeys.self)
            factors = try previous.decode([PreviousShare].self, forKey: .shares).map {
                ScoreResult.HazardFactor(factor: $0.factor, share: $0.weight)
            }
        } else {
            factors = try c.decode([ScoreResult.HazardFactor].self, forKey: .factors)
        }
        effort = try c.decodeIfPresent(ScoreResult.HazardEffort.self, forKey: .effort)
    }
}
