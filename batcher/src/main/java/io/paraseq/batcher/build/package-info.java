/**
 * Batch building: sealed L2 blocks after the last batch become the next batch (format v2, Zstandard
 * level 19) when a close rule fires — too many bytes, too many blocks, or the oldest block too old
 * — and never an empty one. The blocks come through the {@link
 * io.paraseq.batcher.build.SealedBlocks} port, which the node implements over its chain tables.
 */
package io.paraseq.batcher.build;
