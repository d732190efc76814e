import type { LabEvent, LabTopic } from './lab-history.js';

/** An event in a few words, for the history in the report. */
export function describeEvent(event: LabEvent): string {
  switch (event.event) {
    case 'join': {
      const details = [event.rackId === null ? '' : `rack ${event.rackId}`, event.isStatic ? 'static' : ''].filter((detail) => detail !== '');
      return `${event.member} joins for ${event.topics.join(', ')}${details.length === 0 ? '' : ` (${details.join(', ')})`}`;
    }
    case 'leave':
      return `${event.member} leaves`;
    case 'crash':
      return `${event.member} crashes`;
    case 'expire':
      return `${event.member} expires, its process still running`;
    case 'rejoin':
      return `${event.member} rejoins as a zombie`;
    case 'subscribe':
      return `${event.member} subscribes to ${event.topics.join(', ')}`;
    case 'add-partitions':
      return `${event.topic} gets ${event.count} more partition${event.count === 1 ? '' : 's'}`;
    case 'delete-topic':
      return `${event.topic} is deleted`;
  }
}

export function describeTopic(topic: LabTopic): string {
  return `${topic.name} (${topic.partitions} partition${topic.partitions === 1 ? '' : 's'}${topic.replicaRacks === null ? '' : ', replicas on racks'})`;
}
