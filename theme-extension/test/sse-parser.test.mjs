// The text/event-stream parser of lavish-storefront.js, against the WHATWG rules the order-service stream relies on.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createSseParser, readEventStream } from '../assets/lavish-storefront.js'

function collect() {
  const events = []
  const retries = []
  const comments = []
  const parser = createSseParser({
    onEvent: (e) => events.push(e),
    onRetry: (ms) => retries.push(ms),
    onComment: (c) => comments.push(c),
  })
  return { parser, events, retries, comments }
}

const STREAM = ': connected\nretry: 3000\n\n'
  + 'id: 4211\nevent: order-status\ndata: {"id":"4211","order_id":"820982911946154508","financial_status":"paid"}\n\n'
  + ': heartbeat\n\n'
  + 'id: 4212\r\nevent: order-status\r\ndata: {"id":"4212",\r\ndata: "order_id":"9007199254740993"}\r\n\r\n'

const EXPECTED = [
  { type: 'order-status', id: '4211',
    data: '{"id":"4211","order_id":"820982911946154508","financial_status":"paid"}' },
  { type: 'order-status', id: '4212', data: '{"id":"4212",\n"order_id":"9007199254740993"}' },
]

test('parsesAWholeStreamIntoEventsWithTheirIdsRetryAndComments', () => {
  const { parser, events, retries, comments } = collect()
  parser.push(STREAM)
  assert.deepEqual(events, EXPECTED)
  assert.deepEqual(retries, [3000])
  assert.deepEqual(comments, ['connected', 'heartbeat'])
  assert.equal(parser.lastEventId, '4212')
})

test('givesTheSameEventsHoweverTheStreamIsCutIntoChunks', () => {
  // every cut position, including between the CR and LF of a CRLF line end
  for (let cut = 0; cut <= STREAM.length; cut++) {
    const { parser, events } = collect()
    parser.push(STREAM.slice(0, cut))
    parser.push(STREAM.slice(cut))
    assert.deepEqual(events, EXPECTED, `cut at ${cut}`)
  }
  // and one character at a time
  const { parser, events } = collect()
  for (const c of STREAM) parser.push(c)
  assert.deepEqual(events, EXPECTED)
})

test('joinsMultiLineDataWithLineFeedsAndKeepsLeadingSpacesAfterTheFirst', () => {
  const { parser, events } = collect()
  parser.push('data: one\ndata:  two\ndata\ndata:three\n\n')
  assert.deepEqual(events, [{ type: 'message', data: 'one\n two\n\nthree', id: '' }])
})

test('treatsALoneCarriageReturnAsALineEnd', () => {
  const { parser, events } = collect()
  parser.push('id: 7\rdata: x\r\r')
  assert.deepEqual(events, [{ type: 'message', data: 'x', id: '7' }])
})

test('keepsTheLastIdAcrossEventsAndTakesAnIdFromAnEventWithoutData', () => {
  const { parser, events } = collect()
  parser.push('id: 10\ndata: a\n\ndata: b\n\nid: 12\n\n')
  assert.deepEqual(events.map((e) => e.id), ['10', '10'])
  assert.equal(parser.lastEventId, '12')
})

test('ignoresAnIdWithANullCharacterAndARetryThatIsNotDigits', () => {
  const { parser, retries } = collect()
  parser.push('id: 5\n\nid: 6\0x\nretry: 10s\nretry: 250\n\n')
  assert.equal(parser.lastEventId, '5')
  assert.deepEqual(retries, [250])
})

test('dispatchesNoEventForCommentsOnlyAndResetsTheEventTypeAfterEachEvent', () => {
  const { parser, events } = collect()
  parser.push(': only a heartbeat\n\nevent: order-status\ndata: 1\n\ndata: 2\n\n')
  assert.deepEqual(events.map((e) => e.type), ['order-status', 'message'])
})

test('dropsAHalfReceivedEventWhenTheConnectionEnds', () => {
  const { parser, events } = collect()
  parser.push('id: 1\ndata: whole\n\nid: 2\ndata: half')
  parser.end()
  parser.push('data: next\n\n')
  assert.deepEqual(events.map((e) => e.data), ['whole', 'next'])
  // the id line of the dropped event had been read: it is the id to resume after (WHATWG keeps it too)
  assert.equal(parser.lastEventId, '2')
})

test('ignoresAByteOrderMarkAtTheStartOnly', () => {
  const { parser, events } = collect()
  parser.push('\uFEFFdata: a\n\n')
  parser.push('data: \uFEFFb\n\n')
  assert.deepEqual(events.map((e) => e.data), ['a', '\uFEFFb'])
})

test('decodesUtf8SplitAcrossNetworkChunksFromAFetchBody', async () => {
  const bytes = new TextEncoder().encode('id: 3\ndata: {"title":"Le Petit Prince — édition"}\n\n')
  // cut inside the three bytes of the em dash and inside the two of "é"
  const dash = bytes.indexOf(0xe2)
  const chunks = [bytes.slice(0, dash + 1), bytes.slice(dash + 1, dash + 2), bytes.slice(dash + 2, dash + 7),
    bytes.slice(dash + 7)]
  const body = new ReadableStream({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(c))
      controller.close()
    },
  })
  const { parser, events } = collect()
  await readEventStream(body, parser)
  assert.deepEqual(events, [{ type: 'message', id: '3', data: '{"title":"Le Petit Prince — édition"}' }])
})
