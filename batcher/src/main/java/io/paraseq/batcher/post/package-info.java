/**
 * Posting: the {@link io.paraseq.batcher.post.Batcher} loop stores each built batch ({@link
 * io.paraseq.batcher.post.BatchStore}, db V6), submits it to the L1 transaction manager under the
 * intent {@code batch-<seq>}, follows its L1 status, reconciles its rows with the {@code Rollup}
 * contract at every start, and publishes how far the chain is posted, confirmed and final ({@link
 * io.paraseq.batcher.post.BatchProgress}).
 */
package io.paraseq.batcher.post;
