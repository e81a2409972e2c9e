// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Paraseq rollup: the L1 record of posted L2 batches.
/// @notice An allow-listed sequencer appends batches strictly in order. Each batch names the
/// state root it builds on and the state root it produces, and covers a contiguous range of
/// L2 blocks; the contract keeps a hash committing to every field and to the batch data, so the
/// data posted as calldata can later be checked against it. Block 0 is the genesis block and
/// belongs to no batch, so the first batch starts at block 1.
/// A batch is final once `challengePeriod` seconds of L1 time have passed since it was appended
/// (`isFinal`); no challenge can be raised in this version, so the period is a fixed delay.
/// @dev Two-step ownership: the owner proposes a new owner, who must accept. The owner manages
/// the sequencer allow-list. There is no pausing and no upgrade path in this version.
contract Rollup {
    /// @notice What the contract remembers about one appended batch, besides its hash.
    /// @dev Packed into two storage slots.
    struct BatchRecord {
        /// The L2 state root after the last block of the batch.
        bytes32 stateRoot;
        /// The last L2 block of the batch.
        uint64 lastBlock;
        /// The deposit cursor the batch advanced to.
        uint64 depositCursor;
        /// L1 block timestamp at which the batch was appended.
        uint64 appendedAt;
        /// L1 block number at which the batch was appended.
        uint64 appendedAtBlock;
    }

    // ---------------------------------------------------------------- errors

    error NotOwner(address caller);
    error NotPendingOwner(address caller);
    error NotSequencer(address caller);
    error ZeroAddress();
    error ZeroStateRoot();
    error AlreadySequencer(address sequencer);
    error UnknownSequencer(address sequencer);
    error WrongSeq(uint64 expected, uint64 got);
    error WrongPrevStateRoot(bytes32 expected, bytes32 got);
    error WrongFirstBlock(uint64 expected, uint64 got);
    error InvalidBlockRange(uint64 firstBlock, uint64 lastBlock);
    error DepositCursorDecreased(uint64 previous, uint64 got);
    error EmptyBatchData();
    error UnknownBatch(uint64 seq);

    // ---------------------------------------------------------------- events

    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event SequencerAdded(address indexed sequencer);
    event SequencerRemoved(address indexed sequencer);
    event BatchAppended(
        uint64 indexed seq,
        bytes32 indexed batchHash,
        bytes32 prevStateRoot,
        bytes32 newStateRoot,
        uint64 firstBlock,
        uint64 lastBlock,
        uint64 depositCursor,
        bytes32 dataHash
    );

    // ---------------------------------------------------------------- state

    /// @notice The account allowed to manage sequencers and to hand over ownership.
    address public owner;
    /// @notice The account proposed as the next owner, or zero when no transfer is pending.
    address public pendingOwner;

    mapping(address => bool) private sequencers;

    /// @notice The sequence number the next appended batch must carry. The first batch is 0.
    uint64 public nextSeq;
    /// @notice The first L2 block the next batch must start with.
    uint64 public nextBlock;
    /// @notice The deposit cursor of the last batch (0 before the first batch).
    uint64 public lastDepositCursor;
    /// @notice The state root after the last appended batch, or the genesis root.
    bytes32 public lastStateRoot;
    /// @notice The state root of L2 block 0.
    bytes32 public immutable genesisStateRoot;
    /// @notice Seconds of L1 time after its append before a batch is final.
    uint64 public immutable challengePeriod;

    /// @notice The commitment of each appended batch, by sequence number (zero if none).
    mapping(uint64 => bytes32) public batchHashes;
    mapping(uint64 => BatchRecord) private batches;

    // ---------------------------------------------------------------- construction

    constructor(address initialOwner, address initialSequencer, bytes32 genesisRoot, uint64 challengePeriodSeconds) {
        if (initialOwner == address(0) || initialSequencer == address(0)) revert ZeroAddress();
        if (genesisRoot == bytes32(0)) revert ZeroStateRoot();
        owner = initialOwner;
        emit OwnershipTransferred(address(0), initialOwner);
        sequencers[initialSequencer] = true;
        emit SequencerAdded(initialSequencer);
        genesisStateRoot = genesisRoot;
        challengePeriod = challengePeriodSeconds;
        lastStateRoot = genesisRoot;
        nextBlock = 1;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    modifier onlySequencer() {
        if (!sequencers[msg.sender]) revert NotSequencer(msg.sender);
        _;
    }

    // ---------------------------------------------------------------- ownership

    /// @notice Proposes `newOwner`; the transfer completes when it calls `acceptOwnership`.
    /// A later proposal replaces an earlier one.
    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        pendingOwner = newOwner;
        emit OwnershipTransferStarted(msg.sender, newOwner);
    }

    /// @notice Completes a transfer started by `transferOwnership`; only the proposed owner may call.
    function acceptOwnership() external {
        if (msg.sender != pendingOwner) revert NotPendingOwner(msg.sender);
        address previous = owner;
        owner = msg.sender;
        delete pendingOwner;
        emit OwnershipTransferred(previous, msg.sender);
    }

    // ---------------------------------------------------------------- sequencers

    function addSequencer(address sequencer) external onlyOwner {
        if (sequencer == address(0)) revert ZeroAddress();
        if (sequencers[sequencer]) revert AlreadySequencer(sequencer);
        sequencers[sequencer] = true;
        emit SequencerAdded(sequencer);
    }

    function removeSequencer(address sequencer) external onlyOwner {
        if (!sequencers[sequencer]) revert UnknownSequencer(sequencer);
        delete sequencers[sequencer];
        emit SequencerRemoved(sequencer);
    }

    function isSequencer(address account) external view returns (bool) {
        return sequencers[account];
    }

    // ---------------------------------------------------------------- batches

    /// @notice Appends batch `seq`, covering L2 blocks `firstBlock..lastBlock` (inclusive).
    /// @param seq must equal `nextSeq`
    /// @param prevStateRoot must equal `lastStateRoot`
    /// @param newStateRoot the state root after `lastBlock`; not zero
    /// @param firstBlock must equal `nextBlock`
    /// @param lastBlock at least `firstBlock`, below the largest uint64
    /// @param depositCursor the deposit queue position after the batch; never decreases
    /// @param data the encoded batch; not empty
    function appendBatch(
        uint64 seq,
        bytes32 prevStateRoot,
        bytes32 newStateRoot,
        uint64 firstBlock,
        uint64 lastBlock,
        uint64 depositCursor,
        bytes calldata data
    ) external onlySequencer {
        if (seq != nextSeq) revert WrongSeq(nextSeq, seq);
        if (prevStateRoot != lastStateRoot) revert WrongPrevStateRoot(lastStateRoot, prevStateRoot);
        if (firstBlock != nextBlock) revert WrongFirstBlock(nextBlock, firstBlock);
        // lastBlock + 1 becomes nextBlock, so the largest uint64 cannot end a batch.
        if (lastBlock < firstBlock || lastBlock == type(uint64).max) {
            revert InvalidBlockRange(firstBlock, lastBlock);
        }
        if (depositCursor < lastDepositCursor) revert DepositCursorDecreased(lastDepositCursor, depositCursor);
        if (data.length == 0) revert EmptyBatchData();
        if (newStateRoot == bytes32(0)) revert ZeroStateRoot();

        bytes32 dataHash = keccak256(data);
        bytes32 batchHash =
            keccak256(abi.encode(seq, prevStateRoot, newStateRoot, firstBlock, lastBlock, depositCursor, dataHash));

        batchHashes[seq] = batchHash;
        batches[seq] = BatchRecord({
            stateRoot: newStateRoot,
            lastBlock: lastBlock,
            depositCursor: depositCursor,
            appendedAt: uint64(block.timestamp),
            appendedAtBlock: uint64(block.number)
        });
        nextSeq = seq + 1;
        nextBlock = lastBlock + 1;
        lastDepositCursor = depositCursor;
        lastStateRoot = newStateRoot;

        emit BatchAppended(
            seq, batchHash, prevStateRoot, newStateRoot, firstBlock, lastBlock, depositCursor, dataHash
        );
    }

    /// @notice The record of batch `seq`; reverts with `UnknownBatch` if it was not appended.
    function getBatch(uint64 seq) external view returns (BatchRecord memory) {
        if (seq >= nextSeq) revert UnknownBatch(seq);
        return batches[seq];
    }

    /// @notice Whether batch `seq` is final: at least `challengePeriod` seconds of L1 time have
    /// passed since it was appended. Reverts with `UnknownBatch` if it was not appended.
    function isFinal(uint64 seq) external view returns (bool) {
        if (seq >= nextSeq) revert UnknownBatch(seq);
        return block.timestamp >= uint256(batches[seq].appendedAt) + challengePeriod;
    }
}
