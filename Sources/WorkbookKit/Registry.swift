import Checkpointing
import Course
import Harness
import InferenceMemory
import NumberFormats
import Quantization
import ServingAndFinetuning
import TrainingMemory

/// Everything the topics' code computes or draws for the lessons, gathered in one place.
///
/// A new topic adds its `Figures.all` and `Pictures.all` here.
public enum Registry {
  /// Every computed figure of every topic.
  public static let figures: [Figure] =
    NumberFormatsFigures.all + InferenceMemoryFigures.all + TrainingMemoryFigures.all
    + CheckpointingFigures.all
    + QuantizationFigures.all + ServingAndFinetuningFigures.all

  /// Every generated picture of every topic.
  public static let pictures: [Picture] =
    NumberFormatsPictures.all + InferenceMemoryPictures.all + TrainingMemoryPictures.all
    + CheckpointingPictures.all
    + QuantizationPictures.all + ServingAndFinetuningPictures.all

  /// The catalogue the course loader checks lessons against.
  public static var catalog: CourseCatalog {
    CourseCatalog(
      figures: Dictionary(
        figures.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first }),
      pictures: Set(pictures.map(\.id)))
  }

  /// The picture with this id.
  public static func picture(_ id: String) -> Picture? {
    pictures.first { $0.id == id }
  }
}
