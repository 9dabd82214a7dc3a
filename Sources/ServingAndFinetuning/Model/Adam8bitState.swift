/// Adam's state with both moments stored in 8 bits, blockwise: what an 8-bit optimizer keeps.
///
/// Parameter i belongs to block i / blockSize. m reads back as
/// `DynamicMap.signed[mCodes[i]] × mScales[block]`, v as `DynamicMap.unsigned[vCodes[i]] ×
/// vScales[block]`; each scale is its block's absmax.
public struct Adam8bitState: Equatable, Sendable, Codable {
  /// Steps taken so far (the t of Adam's bias correction is step + 1 in the next step).
  public var step: Int
  /// Parameters per block (bitsandbytes uses 2048).
  public var blockSize: Int
  /// One code per parameter for the first moment m.
  public var mCodes: [UInt8]
  /// One absmax per block for m.
  public var mScales: [Float]
  /// One code per parameter for the second moment v.
  public var vCodes: [UInt8]
  /// One absmax per block for v.
  public var vScales: [Float]

  /// Creates a state from its parts.
  public init(
    step: Int, blockSize: Int, mCodes: [UInt8], mScales: [Float], vCodes: [UInt8],
    vScales: [Float]
  ) {
    self.step = step
    self.blockSize = blockSize
    self.mCodes = mCodes
    self.mScales = mScales
    self.vCodes = vCodes
    self.vScales = vScales
  }

  /// Bytes the state's arrays hold: a byte per code, 4 per fp32 scale.
  public var storageBytes: Int {
    mCodes.count + vCodes.count + 4 * (mScales.count + vScales.count)
  }
}

/// Adam's hyperparameters.
public struct AdamHyperparameters: Equatable, Sendable {
  /// Learning rate.
  public var learningRate: Float
  /// Decay of the first moment.
  public var beta1: Float
  /// Decay of the second moment.
  public var beta2: Float
  /// Added to √v̂ in the denominator.
  public var epsilon: Float

  /// Creates hyperparameters; the defaults are Adam's usual ones.
  public init(
    learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8
  ) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }
}

/// What one optimizer step returns: the new parameters and the new state.
public struct Adam8bitStep: Equatable, Sendable, Codable {
  /// The parameters after the update.
  public var parameters: [Float]
  /// The state after the update, requantized.
  public var state: Adam8bitState

  /// Creates a step's result.
  public init(parameters: [Float], state: Adam8bitState) {
    self.parameters = parameters
    self.state = state
  }
}
