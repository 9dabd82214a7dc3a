// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// What one replay of a request trace cost under paging and under contiguous preallocation.
struct TraceReplay {
  /// One moment of the run, after a decoding step.
  struct Sample {
    /// Sequences live.
    var live: Int
    /// Tokens the live sequences hold, shared prefixes counted once (filled slots).
    var tokens: Int
    /// Token slots paging has allocated (blocks in use × block size).
    var pagedSlots: Int
    /// Token slots contiguous preallocation reserves (live × maximum length).
    var contiguousSlots: Int
  }

  /// The samples, one per event.
  var samples: [Sample] = []
  /// The pool after the run, with its meters.
  var pool: BlockPool

  /// Replays `trace` through the reference cache over a pool big enough for it.
  init(_ trace: RequestTrace, blockSize: Int = 16) {
    pool = BlockPool(
      blockCount: TraceReplay.tokens(in: trace), blockSize: blockSize, journaling: false)
    guard let cache = try? ReferencePagedCache(pool: pool) else { return }
    samples.reserveCapacity(trace.events.count)
    var live = 0
    for event in trace.events {
      switch event {
      case .add(let id, let prompt):
        try? cache.add(sequence: id, prompt: prompt)
        live += 1
      case .fork(let parent, let child):
        try? cache.fork(sequence: parent, into: child)
        live += 1
      case .append(let id, let token): try? cache.append(token: token, to: id)
      case .finish(let id):
        try? cache.finish(sequence: id)
        live -= 1
      }
      samples.append(
        Sample(
          live: live, tokens: pool.filledSlots, pagedSlots: pool.blocksInUse * blockSize,
          contiguousSlots: live * trace.maxTokens))
    }
  }

  /// The tokens `trace` writes, prompts and generated tokens: no more blocks than that are
  /// ever in use, since the cache takes a block (a fresh one or a copy) only to write a token.
  /// The pool hands out low ids first, so its size changes no block a replay uses.
  static func tokens(in trace: RequestTrace) -> Int {
    trace.events.reduce(0) { total, event in
      switch event {
      case .add(_, let prompt): return total + prompt.count
      case .append: return total + 1
      case .fork, .finish: return total
      }
    }
  }

  /// Time-averaged fraction of the allocated slots that hold no token, under paging.
  var pagedWaste: Double {
    waste { $0.pagedSlots }
  }

  /// The same under contiguous preallocation for the maximum length.
  var contiguousWaste: Double {
    waste { $0.contiguousSlots }
  }

  private func waste(_ slots: (Sample) -> Int) -> Double {
    let reserved = samples.reduce(0) { $0 + slots($1) }
    let used = samples.reduce(0) { $0 + $1.tokens }
    return reserved == 0 ? 0 : 1 - Double(used) / Double(reserved)
  }

  /// The sample with the most sequences live (the first one, on a tie).
  var busiest: Sample {
    samples.max { $0.live < $1.live }
      ?? Sample(live: 0, tokens: 0, pagedSlots: 0, contiguousSlots: 0)
  }

  /// The lesson's trace: 200 requests of at most 512 tokens, 32 at a time, every fourth sampled
  /// twice.
  static let lessonTrace = RequestTrace(
    seed: 2023, requests: 200, concurrent: 32, maxTokens: 512)

  /// The lesson's trace replayed once per process, for the figures and the picture.
  static let lesson = TraceReplay(lessonTrace)
}
