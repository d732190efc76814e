import { describe, expect, it } from 'vitest';
import { describeGroupRequest } from '../../src/describe/describe-groups-request.js';

const int16 = (value: number) => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};
const string = (value: string | null) => (value === null ? int16(-1) : Buffer.concat([int16(Buffer.byteLength(value)), Buffer.from(value)]));
const bytes = (value: Buffer) => Buffer.concat([int32(value.length), value]);

interface GroupFields {
  errorCode?: number;
  members?: { memberId: string; groupInstanceId: string | null }[];
}

/** A DescribeGroups version 4 response with one group, `orders`, as a broker writes it. */
function response({ errorCode = 0, members = [] }: GroupFields): Buffer {
  return Buffer.concat([
    int32(0), // throttle_time_ms
    int32(1),
    int16(errorCode),
    string('orders'),
    string('Stable'),
    string('consumer'),
    string('range'),
    int32(members.length),
    ...members.flatMap(({ memberId, groupInstanceId }) => [
      string(memberId),
      string(groupInstanceId),
      string('client'),
      string('/127.0.0.1'),
      bytes(Buffer.from([0, 3])),
      bytes(Buffer.from([0, 3, 9])),
    ]),
    int32(-2147483648), // authorized_operations: not requested
  ]);
}

async function parse(payload: Buffer) {
  const { response: decoding } = describeGroupRequest('orders');
  return decoding.parse(await decoding.decode(payload));
}

describe('describeGroupRequest', () => {
  it('asks for one group in DescribeGroups version 4, without authorized operations', async () => {
    const { request } = describeGroupRequest('orders');

    expect(request).toMatchObject({ apiKey: 15, apiVersion: 4, apiName: 'DescribeGroups' });
    expect((await request.encode()).buffer.toString('hex')).toBe('00000001' + '00066f7264657273' + '00');
  });

  it('reads the group and its members, with their group instance ids', async () => {
    const group = await parse(response({ members: [{ memberId: 'a-1', groupInstanceId: 'pod-a' }, { memberId: 'b-2', groupInstanceId: null }] }));

    expect(group).toEqual({
      groupId: 'orders',
      state: 'Stable',
      protocolType: 'consumer',
      protocol: 'range',
      members: ['a-1', 'b-2'].map((memberId) => ({
        memberId,
        groupInstanceId: memberId === 'a-1' ? 'pod-a' : null,
        clientId: 'client',
        clientHost: '/127.0.0.1',
        memberMetadata: Buffer.from([0, 3]),
        memberAssignment: Buffer.from([0, 3, 9]),
      })),
    });
  });

  it('reads GROUP_ID_NOT_FOUND as the Dead state brokers otherwise report for an unknown group', async () => {
    expect(await parse(response({ errorCode: 69 }))).toMatchObject({ state: 'Dead', members: [] });
  });

  it("throws KafkaJS' error for any other error code of the group", async () => {
    await expect(parse(response({ errorCode: 14 }))).rejects.toMatchObject({ type: 'GROUP_LOAD_IN_PROGRESS' });
  });
});
