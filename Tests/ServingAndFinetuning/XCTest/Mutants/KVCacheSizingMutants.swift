#if canImport(ServingAndFinetuningSolutions)
  import ServingAndFinetuning
  import ServingAndFinetuningSolutions

  /// KV-cache sizing with one mistake, chosen by `mistake`.
  struct KVCacheSizingMutant: KVCacheSizing {
    enum Mistake {
      /// Counts query heads instead of key-value heads.
      case queryHeads
      /// Counts keys only: no factor 2.
      case keysOnly
      /// Assumes 2 bytes per element whatever the model says.
      case alwaysTwoBytes
      /// Rounds the largest batch up.
      case batchRoundsUp
      /// Returns a negative batch when the weights do not fit.
      case negativeBatch
      /// Accepts kv heads that do not divide the query heads.
      case noValidation
    }

    let mistake: Mistake
    private let solution = KVCacheCalculator()

    init(_ mistake: Mistake) { self.mistake = mistake }

    func bytesPerToken(_ model: AttentionConfig) throws -> Int {
      var model = model
      if mistake == .noValidation && model.kvHeads > 0 && model.queryHeads % model.kvHeads != 0 {
        model.queryHeads = model.kvHeads
      }
      let base = try solution.bytesPerToken(model)
      switch mistake {
      case .queryHeads: return base / model.kvHeads * model.queryHeads
      case .keysOnly: return base / 2
      case .alwaysTwoBytes: return base / model.bytesPerElement * 2
      default: return base
      }
    }

    func bytesPerSequence(_ model: AttentionConfig, tokens: Int) throws -> Int {
      _ = try solution.bytesPerSequence(model, tokens: tokens)
      return try bytesPerToken(model) * tokens
    }

    func bytesPerBatch(_ model: AttentionConfig, tokens: Int, batch: Int) throws -> Int {
      _ = try solution.bytesPerBatch(model, tokens: tokens, batch: batch)
      return try bytesPerSequence(model, tokens: tokens) * batch
    }

    func largestBatch(
      _ model: AttentionConfig, tokens: Int, deviceBytes: Int, weightBytes: Int
    ) throws -> Int {
      let perSequence = try bytesPerSequence(model, tokens: tokens)
      let left = deviceBytes - weightBytes
      switch mistake {
      case .batchRoundsUp: return max(0, (left + perSequence - 1) / perSequence)
      case .negativeBatch: return left / perSequence - (left < 0 ? 1 : 0)
      default: return max(0, left) / perSequence
      }
    }
  }
#endif
