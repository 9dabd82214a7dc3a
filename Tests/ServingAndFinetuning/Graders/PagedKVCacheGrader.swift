import Harness
import ServingAndFinetuning

/// Grades PagedKVCache by replaying requests against a metered `BlockPool` and a naive model of
/// paging written here: every sequence's tokens must read back through its block table, a block
/// may be shared only by sequences that agree on it, and the pool must hold exactly the blocks
/// the naive model needs, at every step.
func gradePagedKVCache<Cache: PagedKVCache>(_ type: Cache.Type, _ checks: CheckRecorder) {
  checks.check("a prompt fills ⌈prompt / 16⌉ blocks; appends allocate only when a block is full") {
    let replay = try PagedReplay<Cache>(
      blocks: 16, applying: [.add(sequence: 1, prompt: Array(100..<120))])
    try replay.requireBlocks(2, "after a 20-token prompt")
    for token in 0..<12 { try replay.apply(.append(sequence: 1, token: token)) }
    try replay.requireBlocks(2, "after 32 tokens (two full blocks)")
    try replay.apply(.append(sequence: 1, token: 99))
    try replay.requireBlocks(3, "after the 33rd token")
    try replay.verify()
  }
  checks.check("finishing every sequence gives every block back") {
    let replay = try PagedReplay<Cache>(
      blocks: 32,
      applying: [
        .add(sequence: 1, prompt: Array(0..<40)), .add(sequence: 2, prompt: Array(0..<1)),
        .add(sequence: 3, prompt: Array(0..<16)),
      ])
    try replay.verify()
    for id in [2, 1, 3] { try replay.apply(.finish(sequence: id)) }
    try replay.requireBlocks(0, "after every sequence finished")
    try requireEqual(replay.pool.releases, replay.pool.allocations, "blocks released vs allocated")
  }
  checks.check("fork shares the parent's blocks: nothing allocated, nothing copied") {
    let replay = try PagedReplay<Cache>(
      blocks: 16, applying: [.add(sequence: 1, prompt: Array(0..<20)), .fork(parent: 1, child: 2)])
    try requireEqual(
      try replay.cache.blockTable(of: 2), try replay.cache.blockTable(of: 1),
      "the forked child's block table (it shares the parent's)")
    try replay.requireBlocks(2, "after fork")
    try requireEqual(replay.pool.slotsCopied, 0, "slots copied by fork")
    try replay.verify()
  }
  checks.check("copy on write: appending to a shared partial block copies it once") {
    let replay = try PagedReplay<Cache>(
      blocks: 16,
      applying: [
        .add(sequence: 1, prompt: Array(0..<20)), .fork(parent: 1, child: 2),
        .append(sequence: 2, token: 500),
      ])
    try replay.requireBlocks(3, "after the child's first token (its own copy of the last block)")
    try requireEqual(replay.pool.slotsCopied, 4, "slots copied (the 4 filled slots of block 2)")
    // The parent is now the only holder of its last block: it writes in place.
    try replay.apply(.append(sequence: 1, token: 600))
    try replay.requireBlocks(3, "after the parent's first token")
    try requireEqual(replay.pool.slotsCopied, 4, "slots copied after the parent's append")
    try replay.verify()
  }
  checks.check("a full shared block is never copied") {
    let replay = try PagedReplay<Cache>(
      blocks: 16,
      applying: [
        .add(sequence: 1, prompt: Array(0..<32)), .fork(parent: 1, child: 2),
        .append(sequence: 1, token: 700), .append(sequence: 2, token: 800),
      ])
    try requireEqual(replay.pool.slotsCopied, 0, "slots copied when both append after full blocks")
    try replay.requireBlocks(4, "two shared full blocks and one new block each")
    try replay.verify()
  }
  checks.check("finishing a parent keeps the blocks its fork still reads") {
    let replay = try PagedReplay<Cache>(
      blocks: 16,
      applying: [
        .add(sequence: 1, prompt: Array(0..<40)), .fork(parent: 1, child: 2), .finish(sequence: 1),
      ])
    try replay.requireBlocks(3, "after the parent finished (the child holds all 3)")
    try replay.verify()
    try replay.apply(.append(sequence: 2, token: 1))
    try requireEqual(replay.pool.slotsCopied, 0, "slots copied once the child is the only holder")
    try replay.apply(.finish(sequence: 2))
    try replay.requireBlocks(0, "after both finished")
  }
  checks.check("seeded request traces: tokens read back, blocks never owned twice, ideal count") {
    for offset in 0..<3 as Range<UInt64> {
      let trace = RequestTrace(
        seed: SeededGenerator.gradingSeed &+ offset, requests: 24, concurrent: 6, maxTokens: 96)
      let replay = try PagedReplay<Cache>(blocks: 6 * 2 * 6 + 8)
      for (index, event) in trace.events.enumerated() {
        try replay.apply(event)
        if index % 16 == 0 { try replay.verify() }
      }
      try replay.requireBlocks(0, "after trace \(offset) ended")
      try requireEqual(replay.pool.overwrites, 0, "slots written twice in trace \(offset)")
    }
  }
  checks.check("a pool of the trace's ideal peak serves it; contiguous preallocation could not") {
    let trace = RequestTrace(
      seed: SeededGenerator.gradingSeed &+ 7, requests: 40, concurrent: 8, maxTokens: 128)
    let peak = idealPeak(trace, blockSize: 16)
    // Contiguous preallocation reserves ⌈128 / 16⌉ blocks per live sequence.
    let contiguous = maxConcurrent(trace) * 8
    try require(peak < contiguous, "grader premise: ideal peak \(peak) < contiguous \(contiguous)")
    let replay = try PagedReplay<Cache>(blocks: peak, applying: trace.events)
    try requireEqual(replay.pool.peakBlocksInUse, peak, "the peak blocks in use over the trace")
    try replay.requireBlocks(0, "after the trace ended")
  }
  checks.check("unknown and duplicate sequence ids are refused") {
    let replay = try PagedReplay<Cache>(
      blocks: 8, applying: [.add(sequence: 1, prompt: [1, 2, 3])])
    let cache = replay.cache
    try requireServingError(
      "add(sequence: 1) while 1 is live", expected: "ServingError.duplicateSequence(1)",
      matches: { $0 == .duplicateSequence(1) }
    ) { try cache.add(sequence: 1, prompt: [4]) }
    try requireServingError(
      "append(token:to: 9)", expected: "ServingError.unknownSequence(9)",
      matches: { $0 == .unknownSequence(9) }
    ) { try cache.append(token: 5, to: 9) }
    try requireServingError(
      "fork(sequence: 1, into: 1)", expected: "ServingError.duplicateSequence(1)",
      matches: { $0 == .duplicateSequence(1) }
    ) { try cache.fork(sequence: 1, into: 1) }
    try requireServingError(
      "finish(sequence: 4)", expected: "ServingError.unknownSequence(4)",
      matches: { $0 == .unknownSequence(4) }
    ) { try cache.finish(sequence: 4) }
  }
}

/// Drives a student's cache and a naive model of paging side by side.
///
/// The model keeps, per live sequence, its tokens and a list of abstract block labels; a label
/// is shared after a fork, and a sequence gets a fresh label when it starts a block or writes
/// into a partial block that another sequence also holds. The blocks a pool needs are the
/// distinct labels: counted by scanning, with no reference counts.
final class PagedReplay<Cache: PagedKVCache> {
  let pool: BlockPool
  let cache: Cache
  private var tokens: [Int: [Int]] = [:]
  private var labels: [Int: [Int]] = [:]
  private var nextLabel = 0
  private let blockSize = 16

  /// A fresh cache of the type under test over a fresh pool of `blocks` blocks, to which
  /// `events` are applied.
  init(blocks: Int, applying events: [TraceEvent] = []) throws {
    pool = BlockPool(blockCount: blocks, blockSize: blockSize)
    cache = try Cache(pool: pool)
    try apply(events)
  }

  /// Applies `events` in order.
  func apply(_ events: [TraceEvent]) throws {
    for event in events { try apply(event) }
  }

  /// Applies an event to the cache and to the model, then compares blocks in use.
  func apply(_ event: TraceEvent) throws {
    switch event {
    case .add(let id, let prompt):
      try cache.add(sequence: id, prompt: prompt)
      tokens[id] = []
      labels[id] = []
      for token in prompt { modelAppend(token, to: id) }
    case .fork(let parent, let child):
      try cache.fork(sequence: parent, into: child)
      tokens[child] = tokens[parent]
      labels[child] = labels[parent]
    case .append(let id, let token):
      try cache.append(token: token, to: id)
      modelAppend(token, to: id)
    case .finish(let id):
      try cache.finish(sequence: id)
      tokens[id] = nil
      labels[id] = nil
    }
    let ideal = Set(labels.values.flatMap { $0 }).count
    try requireEqual(
      pool.blocksInUse, ideal, "blocks in use after \u{201C}\(event)\u{201D} (the ideal count)")
  }

  private func modelAppend(_ token: Int, to id: Int) {
    let length = tokens[id, default: []].count
    var list = labels[id, default: []]
    if length % blockSize == 0 {
      list.append(fresh())
    } else if let last = list.last,
      labels.contains(where: { $0.key != id && $0.value.contains(last) })
    {
      list[list.count - 1] = fresh()
    }
    labels[id] = list
    tokens[id, default: []].append(token)
  }

  private func fresh() -> Int {
    nextLabel += 1
    return nextLabel
  }

  func requireBlocks(_ expected: Int, _ when: String) throws {
    try requireEqual(pool.blocksInUse, expected, "blocks in use \(when)")
  }

  private func slice(_ tokens: [Int], block: Int) -> [Int] {
    let start = min(tokens.count, block * blockSize)
    return Array(tokens[start..<min(tokens.count, start + blockSize)])
  }

  /// Every live sequence reads back its tokens through its table, its table has exactly
  /// ⌈length / 16⌉ blocks, and a block in two tables sits where both sequences agree on it.
  func verify() throws {
    var holder: [Int: (id: Int, position: Int)] = [:]
    for (id, expected) in tokens.sorted(by: { $0.key < $1.key }) {
      let table = try cache.blockTable(of: id)
      let needed = (expected.count + blockSize - 1) / blockSize
      try requireEqual(
        table.count, needed,
        "block table length of sequence \(id) with \(expected.count) tokens (at most one partial block)"
      )
      var read: [Int] = []
      for index in expected.indices {
        read.append(try pool.read(block: table[index / blockSize], slot: index % blockSize))
      }
      try require(
        read == expected,
        "tokens of sequence \(id) read back through its block table \(table): expected \(expected), got \(read)"
      )
      for (position, block) in table.enumerated() {
        if let other = holder[block] {
          // Shared blocks sit at the same place in both tables, and the shorter sequence's
          // tokens in it are a prefix of the longer one's.
          let theirs = slice(tokens[other.id] ?? [], block: position)
          let mine = slice(expected, block: position)
          let agree =
            other.position == position
            && (theirs.starts(with: mine) || mine.starts(with: theirs))
          try require(
            agree,
            "block \(block) is owned twice: sequences \(other.id) and \(id) hold it with different contents"
          )
        } else {
          holder[block] = (id, position)
        }
      }
    }
  }
}

/// The most blocks the naive model of paging ever needs for `trace`.
func idealPeak(_ trace: RequestTrace, blockSize: Int) -> Int {
  var lengths: [Int: Int] = [:]
  var labels: [Int: [Int]] = [:]
  var next = 0
  var peak = 0
  func append(_ id: Int) {
    var list = labels[id, default: []]
    let length = lengths[id, default: 0]
    if length % blockSize == 0 {
      next += 1
      list.append(next)
    } else if let last = list.last,
      labels.contains(where: { $0.key != id && $0.value.contains(last) })
    {
      next += 1
      list[list.count - 1] = next
    }
    labels[id] = list
    lengths[id] = length + 1
  }
  for event in trace.events {
    switch event {
    case .add(let id, let prompt):
      labels[id] = []
      lengths[id] = 0
      for _ in prompt { append(id) }
    case .fork(let parent, let child):
      labels[child] = labels[parent]
      lengths[child] = lengths[parent]
    case .append(let id, _): append(id)
    case .finish(let id):
      labels[id] = nil
      lengths[id] = nil
    }
    peak = max(peak, Set(labels.values.flatMap { $0 }).count)
  }
  return peak
}

/// The most sequences live at once in `trace`.
func maxConcurrent(_ trace: RequestTrace) -> Int {
  var live = 0
  var most = 0
  for event in trace.events {
    switch event {
    case .add, .fork: live += 1
    case .finish: live -= 1
    case .append: break
    }
    most = max(most, live)
  }
  return most
}
