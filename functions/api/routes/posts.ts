/**
 * One post: editing and deleting it (its author), a professional's context note, reactions.
 * @module
 */

import { detectCrisis } from '../../core/crisis';
import { conflict, forbidden } from '../../core/errors';
import { Ok } from '../../core/schemas/common';
import {
  ContextNoteRequest,
  PostAnswer,
  PostEdit,
  PostParams,
  ReactionRequest,
} from '../../core/schemas/threads';
import { namedIn } from '../../core/threads';
import { resourcesRepo } from '../../store/repos/resources';
import { threadsRepo } from '../../store/repos/threads';
import { loadPost, requireNotSilenced } from '../access/discussions';
import { postLanguage, signpostFor } from '../flows/posting';
import { crisisPosted, onDutyNow } from '../flows/support';
import { type Route, route } from '../route';
import { names, postView } from '../views/discussions';

export const postRoutes: Route[] = [
  route(
    {
      method: 'patch',
      path: '/posts/{postId}',
      tag: 'discussion',
      summary: 'Edit your post (marked edited)',
      auth: 'required',
      params: PostParams,
      body: PostEdit,
      responses: { 200: { description: 'The post', schema: PostAnswer } },
    },
    async (c, { params, body }) => {
      const { group, post, member, userId } = await loadPost(c, params.postId);
      if (post.authorId !== userId) throw forbidden('Only its author can edit a post');
      requireNotSilenced(member, c.var.services.now());
      const language = body.language ?? post.language ?? postLanguage(c, undefined);
      const matched = detectCrisis(body.body, language).matched;
      const edited = await c.var.services.repo(threadsRepo).editPost(post.postId, userId, {
        body: body.body,
        language,
        contentWarnings: body.contentWarnings && [...new Set(body.contentWarnings)],
        mayNeedSupport: post.mayNeedSupport || matched,
        at: c.var.services.now(),
      });
      if (!edited) throw conflict('This post was deleted');
      const [who, signpost] = await Promise.all([
        names(c, post.groupId, namedIn([edited], userId)),
        signpostFor(c, userId, matched, post.groupId, false, language),
        matched &&
          crisisPosted(c, {
            group,
            member,
            postId: post.postId,
            duty: onDutyNow(c, group),
          }),
      ]);
      return c.json({ post: postView(edited, who, { userId, member }), signpost });
    },
  ),
  route(
    {
      method: 'delete',
      path: '/posts/{postId}',
      tag: 'discussion',
      summary: 'Delete your post: its text is erased; “Post deleted” keeps the thread’s shape',
      auth: 'required',
      params: PostParams,
      responses: { 200: { description: 'Deleted', schema: Ok } },
    },
    async (c, { params }) => {
      const { post, userId } = await loadPost(c, params.postId);
      if (post.authorId !== userId) throw forbidden('Only its author can delete a post');
      const repo = c.var.services.repo(threadsRepo);
      await repo.deletePost(post.postId, userId, c.var.services.now());
      if (post.pending) await repo.leaveQueue(post);
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'post',
      path: '/posts/{postId}/context-notes',
      tag: 'discussion',
      summary: 'Add a note under a post as a verified professional (“a note from a professional”)',
      auth: 'required',
      params: PostParams,
      body: ContextNoteRequest,
      responses: { 201: { description: 'The post', schema: PostAnswer } },
    },
    async (c, { params, body }) => {
      const { post, member, userId } = await loadPost(c, params.postId);
      const professional = await c.var.services.repo(resourcesRepo).getProfessional(userId);
      if (professional?.status !== 'verified')
        throw forbidden('Only verified professionals add notes under posts');
      const repo = c.var.services.repo(threadsRepo);
      const note = { by: userId, body: body.body, at: c.var.services.now() };
      if (!(await repo.addContextNote(post.postId, note)))
        throw conflict('This post has as many notes as it can take');
      const after = { ...post, contextNotes: [...(post.contextNotes ?? []), note] };
      const who = await names(c, post.groupId, namedIn([after], userId));
      return c.json({ post: postView(after, who, { userId, member }), signpost: null }, 201);
    },
  ),
  route(
    {
      method: 'post',
      path: '/posts/{postId}/reactions',
      tag: 'discussion',
      summary: 'Send (or take back) a support reaction',
      auth: 'required',
      params: PostParams,
      body: ReactionRequest,
      responses: { 200: { description: 'The post', schema: PostAnswer } },
    },
    async (c, { params, body }) => {
      const { post, member, userId } = await loadPost(c, params.postId);
      const after = await c.var.services
        .repo(threadsRepo)
        .react(post.postId, userId, body.kind, body.reacted, c.var.services.now());
      if (!after) throw conflict('This post was deleted');
      const who = await names(c, post.groupId, namedIn([after], userId));
      return c.json({ post: postView(after, who, { userId, member }), signpost: null });
    },
  ),
];
